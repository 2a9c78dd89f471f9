// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

class Board0BConformanceTest extends BuiltInBoardConformance {
    Board0BConformanceTest() {
        super(11);
    }
}
