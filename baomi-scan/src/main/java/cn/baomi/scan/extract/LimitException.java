package cn.baomi.scan.extract;

/** Thrown from inside a parser when a limit is reached; aborts the whole top-level file. */
final class LimitException extends RuntimeException {

    LimitException(String message) {
        super(message, null, false, false);
    }
}
