package blitz.boards.tests;

class Board04ConformanceTest extends BuiltInBoardConformance {
    Board04ConformanceTest() {
        super(4);
    }
}
