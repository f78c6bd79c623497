package dev.signalbox.panel.certificate;

/**
 * A certificate as a create or replace sends it.
 *
 * @param chainPem the chain, leaf first, PEM
 * @param keyPem   the leaf's private key, PEM
 */
record CertificateUpload(String name, String chainPem, String keyPem) {

    @Override
    public String toString() {
        // the key never reaches a log
        return "CertificateUpload[name=" + name + "]";
    }
}
