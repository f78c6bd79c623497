package dev.signalbox.protocol;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec of the protocol. It ignores unknown fields and reads unknown enum values as
 * each enum's fallback, so a reader one schema version behind still understands a newer writer.
 */
public final class ProtocolCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // an enum value newer than this reader becomes the enum's documented fallback
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .build();

    public byte[] encode(LoadBalancerSnapshot snapshot) {
        return write(snapshot);
    }

    /** The private key stays sealed: the codec never sees it in the clear. */
    public byte[] encode(CertificateSnapshot certificate) {
        return write(certificate);
    }

    public byte[] encode(NodeStatus status) {
        return write(status);
    }

    public byte[] encode(TargetHealthReport report) {
        return write(report);
    }

    public byte[] encode(MetricsReport report) {
        return write(report);
    }

    /** @throws ProtocolException if the bytes are not a snapshot */
    public LoadBalancerSnapshot decodeSnapshot(byte[] json) {
        return read(json, LoadBalancerSnapshot.class);
    }

    /** @throws ProtocolException if the bytes are not a certificate snapshot */
    public CertificateSnapshot decodeCertificate(byte[] json) {
        return read(json, CertificateSnapshot.class);
    }

    /** @throws ProtocolException if the bytes are not a node status */
    public NodeStatus decodeNodeStatus(byte[] json) {
        return read(json, NodeStatus.class);
    }

    /** @throws ProtocolException if the bytes are not a target health report */
    public TargetHealthReport decodeTargetHealthReport(byte[] json) {
        return read(json, TargetHealthReport.class);
    }

    /** @throws ProtocolException if the bytes are not a metrics report */
    public MetricsReport decodeMetricsReport(byte[] json) {
        return read(json, MetricsReport.class);
    }

    private byte[] write(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JacksonException e) {
            throw new ProtocolException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new ProtocolException("not a valid " + type.getSimpleName() + ": "
                    + new String(json, 0, Math.min(json.length, 120), StandardCharsets.UTF_8), e);
        }
    }
}
