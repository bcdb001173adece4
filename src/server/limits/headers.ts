import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { limitBody } from './errors.js';

/**
 * Answers requests whose headers pass Node's limit (`--max-http-header-size`, 16 KB by
 * default) with 431 and a coded JSON body instead of Node's bare status line, and closes
 * other malformed requests with 400. Nothing reaches the app.
 */
export function refuseOversizedHeaders(server: Server) {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify(
      tooLarge
        ? limitBody(
            'REQUEST_HEADER_FIELDS_TOO_LARGE',
            'headerSize',
            'Request headers are larger than the server accepts (16 KB).',
          )
        : { errors: [{ message: 'Malformed HTTP request.', extensions: { code: 'BAD_REQUEST' } }] },
    );
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
