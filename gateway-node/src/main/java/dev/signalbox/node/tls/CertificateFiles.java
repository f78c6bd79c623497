package dev.signalbox.node.tls;

import java.nio.file.Path;

import dev.signalbox.node.state.RevisionedFiles;
import dev.signalbox.protocol.CertificateSnapshot;
import dev.signalbox.protocol.ProtocolCodec;

/**
 * The certificates a node serves, kept on disk for static stability: one file per certificate,
 * holding its snapshot as the topic carries it, private key still sealed.
 */
class CertificateFiles extends RevisionedFiles<CertificateSnapshot> {

    CertificateFiles(Path directory, ProtocolCodec codec) {
        super(directory, "certificate", codec::decodeCertificate, codec::encode, CertificateSnapshot::id,
                CertificateSnapshot::revision);
    }
}
