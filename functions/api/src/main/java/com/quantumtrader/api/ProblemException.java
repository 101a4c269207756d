package com.quantumtrader.api;

/** Ends a request with a problem response; thrown by routes on bad input, caught by the router. */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
    }
}
