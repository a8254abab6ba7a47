/*
 * Server-to-client WebSocket frames (RFC 6455, section 5.2): final, binary, unmasked. A room frames
 * each outgoing message once and writes the same bytes to every member's socket. Sound only while
 * permessage-deflate is off, so that ws's own frames never interleave (docs/decisions/0003).
 */
const FINAL_BINARY = 0x82;
const LENGTH_16_BITS = 126;
const LENGTH_64_BITS = 127;

function headerLength(payloadLength: number): number {
  if (payloadLength < LENGTH_16_BITS) return 2;
  return payloadLength <= 0xffff ? 4 : 10;
}

function writeHeader(target: Buffer, offset: number, payloadLength: number): number {
  target[offset] = FINAL_BINARY;
  if (payloadLength < LENGTH_16_BITS) {
    target[offset + 1] = payloadLength;
    return offset + 2;
  }
  if (payloadLength <= 0xffff) {
    target[offset + 1] = LENGTH_16_BITS;
    target.writeUInt16BE(payloadLength, offset + 2);
    return offset + 4;
  }
  target[offset + 1] = LENGTH_64_BITS;
  target.writeBigUInt64BE(BigInt(payloadLength), offset + 2);
  return offset + 10;
}

/** The messages as consecutive frames in one buffer (`whole`), and a view of each frame in it. */
export function frameMessages(messages: readonly Uint8Array[]): { whole: Buffer; frames: Buffer[] } {
  let total = 0;
  for (const message of messages) total += headerLength(message.byteLength) + message.byteLength;
  const whole = Buffer.allocUnsafe(total);
  const frames: Buffer[] = [];
  let offset = 0;
  for (const message of messages) {
    const start = offset;
    offset = writeHeader(whole, offset, message.byteLength);
    whole.set(message, offset);
    offset += message.byteLength;
    frames.push(whole.subarray(start, offset));
  }
  return { whole, frames };
}
