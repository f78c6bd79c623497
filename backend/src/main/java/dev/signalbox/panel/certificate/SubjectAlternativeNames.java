package dev.signalbox.panel.certificate;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The DNS and IP address names of a certificate's subject alternative names extension, which is
 * what clients check a server's name against (they ignore the subject's common name).
 *
 * @param dnsNames    lower case, wildcards (e.g. {@code *.example.com}) as written
 * @param ipAddresses as the certificate states them
 */
record SubjectAlternativeNames(List<String> dnsNames, List<String> ipAddresses) {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    static SubjectAlternativeNames of(X509Certificate certificate) {
        List<String> dnsNames = new ArrayList<>();
        List<String> ipAddresses = new ArrayList<>();
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            // a malformed extension names nothing a client would accept
            names = null;
        }
        if (names != null) {
            for (List<?> name : names) {
                if (name.get(0) instanceof Integer type && name.get(1) instanceof String value) {
                    if (type == DNS_NAME) {
                        dnsNames.add(value.toLowerCase(Locale.ROOT));
                    } else if (type == IP_ADDRESS) {
                        ipAddresses.add(value);
                    }
                }
            }
        }
        return new SubjectAlternativeNames(dnsNames, ipAddresses);
    }
}
