package eu.interlink.kernel.internal;

/** What the guard needs to know of the Interlinker it calls. */
interface CallTarget {
    String interlinkerId();

    Circuit circuit();
}
