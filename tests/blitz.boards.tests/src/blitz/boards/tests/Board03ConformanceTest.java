package blitz.boards.tests;

class Board03ConformanceTest extends BuiltInBoardConformance {
    Board03ConformanceTest() {
        super(3);
    }
}
