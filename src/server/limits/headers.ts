import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody, httpError, httpStatusOf } from '../../common/http-errors.js';
import { limitRefusal } from './errors.js';

/**
 * Answers requests whose headers pass Node's limit (`--max-http-header-size`, 16 KB by
 * default) with 431 and a coded JSON body instead of Node's bare status line, and closes
 * other malformed requests with 400. Nothing reaches the app.
 */
export function refuseOversizedHeaders(server: Server) {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const error =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? limitRefusal(
            'REQUEST_HEADER_FIELDS_TOO_LARGE',
            'headerSize',
            'Request headers are larger than the server accepts (16 KB).',
          )
        : httpError('BAD_REQUEST', 'Malformed HTTP request.');
    const status = httpStatusOf(error.extensions.code);
    const body = JSON.stringify(errorBody(error));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
