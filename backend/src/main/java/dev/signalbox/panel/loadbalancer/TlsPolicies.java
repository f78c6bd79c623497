package dev.signalbox.panel.loadbalancer;

import java.util.List;

/** The TLS policies an HTTPS listener may name: which TLS versions and ciphers nodes offer. */
public final class TlsPolicies {

    /** TLS 1.2 and 1.3 with forward-secret AEAD ciphers only. */
    public static final String DEFAULT = "Signalbox-TLS13-1-2-2026-01";
    /** TLS 1.3 only. */
    public static final String TLS13_ONLY = "Signalbox-TLS13-1-3-2026-01";
    /** TLS 1.2 and 1.3 with CBC ciphers too, for old clients. */
    public static final String COMPATIBLE = "Signalbox-TLS13-1-2-Compat-2026-01";

    public static final List<String> NAMES = List.of(DEFAULT, TLS13_ONLY, COMPATIBLE);

    private TlsPolicies() {
    }
}
