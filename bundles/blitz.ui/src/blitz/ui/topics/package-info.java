// SPDX-License-Identifier: EPL-2.0
/**
 * The event topics the workbench's views post and follow ({@link blitz.ui.topics.UiTopics}), written once
 * so that no view spells a topic as a string literal.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package blitz.ui.topics;
