// SPDX-License-Identifier: EPL-2.0
package blitz.boards.tests;

class Board08ConformanceTest extends BuiltInBoardConformance {
    Board08ConformanceTest() {
        super(8);
    }
}
