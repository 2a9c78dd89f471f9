// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

class Board0AConformanceTest extends BuiltInBoardConformance {
    Board0AConformanceTest() {
        super(10);
    }
}
