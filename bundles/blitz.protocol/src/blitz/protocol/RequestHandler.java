// SPDX-License-Identifier: EPL-2.0
package blitz.protocol;

/**
 * Answers raw logger protocol requests exactly as the runtime's endpoint answers what its socket receives:
 * the guards (length, printable ASCII), authentication, the per-host lockout and the protocol's state
 * machine, in that order (see {@code docs/protocol-logger.md}). Registered by the protocol server, so
 * that the same code can be driven without a socket (the fuzz tests do).
 *
 * <p>Contract: {@link #reply} never throws and returns exactly one reply per request; every refused
 * request is counted in {@link #counts()} and logged without its content (rate-limited). Calls are
 * serialised with the socket's. Requests from one peer host share one conversation (its download),
 * as socket clients have one each; sessions are global, as in the original.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RequestHandler {

    /**
     * @param request  the request's bytes, all frames concatenated
     * @param peerHost the sender's address (what the lockout counts by); never logged with the request
     * @return the one reply
     */
    String reply(byte[] request, String peerHost);

    /** @return what was answered and refused since the endpoint started */
    RequestCounts counts();
}
