package cn.baomi.scan.extract;

/**
 * Lets another thread give up an extraction that runs on its caller's thread
 * ({@link Extractor#extractHere}): every later budget check fails and no later unit reaches the sink. A parser stuck
 * in a loop that never looks at its budget keeps its thread busy; the caller that watches it moves on without it.
 */
public final class Abandon {

    private volatile Budget budget;
    private volatile Extractor.GatedSink gate;
    private volatile String reason;

    /** Gives the extraction up with {@code message} as its reason; the extraction may not have started yet. */
    public void abandon(String message) {
        reason = message;
        stop();
    }

    /** The reason given, or null while not abandoned. */
    public String reason() {
        return reason;
    }

    void attach(Budget budget, Extractor.GatedSink gate) {
        this.budget = budget;
        this.gate = gate;
        if (reason != null) {
            stop();
        }
    }

    private void stop() {
        Budget b = budget;
        if (b != null) {
            b.abandon(reason);
        }
        Extractor.GatedSink g = gate;
        if (g != null) {
            g.close();
        }
    }
}
