// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

class Board04ConformanceTest extends BuiltInBoardConformance {
    Board04ConformanceTest() {
        super(4);
    }
}
