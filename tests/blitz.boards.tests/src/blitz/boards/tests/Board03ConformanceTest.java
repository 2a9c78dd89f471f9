// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

class Board03ConformanceTest extends BuiltInBoardConformance {
    Board03ConformanceTest() {
        super(3);
    }
}
