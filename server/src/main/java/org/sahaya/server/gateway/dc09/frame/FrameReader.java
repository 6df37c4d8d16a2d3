package org.sahaya.server.gateway.dc09.frame;

import java.util.Set;
import org.sahaya.core.dc09.Dc09Envelope;
import org.sahaya.core.dc09.Dc09Frame;
import org.sahaya.core.dc09.MalformedFrameException;

/**
 * Reads the outer layer of a DC-09 frame with the format of {@code core.dc09}: CRC, length and
 * header checked, and the message type one this receiver takes.
 */
public final class FrameReader {

    static final Set<String> SUPPORTED = Set.of(Dc09Frame.SIA_DCS, Dc09Frame.ADM_CID, Dc09Frame.NULL);

    private FrameReader() {
    }

    /**
     * @param frame the frame without its LF and CR
     * @throws BadFrame with the reason the frame is refused (answered with NAK, or DUH for an unknown type)
     */
    public static Dc09Frame read(String frame) {
        Dc09Frame parsed;
        try {
            parsed = Dc09Frame.read(Dc09Envelope.open(frame));
        } catch (MalformedFrameException e) {
            throw new BadFrame(e.getMessage());
        }
        if (!SUPPORTED.contains(parsed.token())) {
            throw new BadFrame("unsupported message type", parsed);
        }
        return parsed;
    }
}
