package org.sahaya.core.hospital;

/** Kinds of bed a receiving hospital reports. */
public enum BedKind {
    ER, ICU, CARDIAC, STROKE
}
