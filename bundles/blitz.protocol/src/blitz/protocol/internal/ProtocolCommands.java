// SPDX-License-Identifier: EPL-2.0
package blitz.protocol.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import blitz.model.DataFolder;

/**
 * Gogo shell command {@code protocol:key}: prints the CURVE public key clients need (generating the key
 * pair when there is none yet, so it can be handed out before CURVE is switched on). Reads the same
 * configuration as the server (PID {@value ZmqRequestHandler#PID}).
 */
@Component(service = ProtocolCommands.class, configurationPid = ZmqRequestHandler.PID,
        property = { "osgi.command.scope=protocol", "osgi.command.function=key" })
public class ProtocolCommands {
    private final ZmqRequestHandler.Config config;

    @Activate
    public ProtocolCommands(ZmqRequestHandler.Config config) {
        this.config = config;
    }

    /** {@code protocol:key}: the server's public key (never the secret one). */
    public String key() throws IOException {
        ServerKeys keys = ServerKeys.loadOrCreate(DataFolder.resolve(config.keyFile()));
        return keys.publicKey() + "\nCURVE is " + (config.curve() ? "on" : "off (set curve=true in the configuration "
                + ZmqRequestHandler.PID + " to use it)") + "; key file " + DataFolder.resolve(config.keyFile());
    }
}
