/**
 * The client's address as the HTTP server saw it on the socket, handed to the Next.js routes in
 * this request header. The server always overwrites it, so a client cannot choose its own.
 */
export const CLIENT_ADDRESS_HEADER = "x-beredning-client-address";
