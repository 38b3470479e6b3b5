/**
 * An {@link io.tributary.api.auth.Authorizer} that asks an external HTTP service, as
 * MediaMTX's {@code authHTTPAddress} and ZLMediaKit's hooks do: the request is POSTed as
 * JSON and a 2xx answer allows it. Not exported.
 */
package io.tributary.auth.httphook.internal;
