// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

class Board09ConformanceTest extends BuiltInBoardConformance {
    Board09ConformanceTest() {
        super(9);
    }
}
