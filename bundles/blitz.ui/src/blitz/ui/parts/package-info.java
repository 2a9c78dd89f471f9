// SPDX-License-Identifier: EPL-2.0
/**
 * What a view (ours or a plug-in's) needs to follow the services it shows:
 * {@link blitz.ui.parts.ServiceSlot} keeps an injected service and runs the view's reaction on the UI thread.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.ui.parts;
