/**
 * RTP over multicast UDP: each track of a live path goes once to a group its readers join,
 * allocated from the configured ranges while the path has readers, and a transport policy keeps
 * multicast to the configured paths and other transports off multicast-only ones. Not exported.
 */
package io.tributary.transports.multicast.internal;
