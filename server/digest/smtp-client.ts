import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { SmtpSecurity } from './digest-config.ts';
import { DeliveryError } from './digest-delivery.ts';

export interface SmtpTransport {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  readonly user: string | null;
  readonly password: string | null;
  readonly heloName: string;
  readonly timeoutMs: number;
  /** Extra TLS settings (a test's own CA). */
  readonly tls?: Pick<ConnectionOptions, 'ca' | 'rejectUnauthorized'>;
}

export interface SmtpEnvelope {
  readonly from: string;
  readonly to: readonly string[];
}

interface Reply {
  readonly code: number;
  readonly lines: readonly string[];
}

/** A refusal by the mail server, with its reply (never the password). */
export class SmtpError extends DeliveryError {
  readonly code: number | null;
  constructor(message: string, code: number | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SmtpError';
    this.code = code;
  }
}

// Reads the server's replies line by line; re-attached to the TLS socket after STARTTLS.
class ReplyReader {
  readonly #socket: Socket;
  #buffer = '';
  readonly #lines: string[] = [];
  #failure: Error | null = null;
  #wake: (() => void) | null = null;
  readonly #onData = (chunk: Buffer) => {
    this.#buffer += chunk.toString('utf8');
    let at = this.#buffer.indexOf('\n');
    while (at >= 0) {
      this.#lines.push(this.#buffer.slice(0, at).replace(/\r$/, ''));
      this.#buffer = this.#buffer.slice(at + 1);
      at = this.#buffer.indexOf('\n');
    }
    this.#notify();
  };
  readonly #onEnd = () => this.#fail(new SmtpError('the mail server closed the connection'));
  readonly #onError = (error: Error) => this.#fail(new SmtpError(`mail server connection failed: ${error.message}`, null, { cause: error }));

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', this.#onData);
    socket.on('end', this.#onEnd);
    socket.on('error', this.#onError);
  }

  detach(): void {
    this.#socket.off('data', this.#onData);
    this.#socket.off('end', this.#onEnd);
    this.#socket.off('error', this.#onError);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  async #line(): Promise<string> {
    for (;;) {
      const line = this.#lines.shift();
      if (line !== undefined) return line;
      if (this.#failure !== null) throw this.#failure;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  /** One reply: `250-…` lines continue it, `250 …` ends it. */
  async reply(): Promise<Reply> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.#line();
      const code = Number(line.slice(0, 3));
      if (!/^\d{3}([ -]|$)/.test(line)) throw new SmtpError(`the mail server answered something that is not SMTP: ${line.slice(0, 80)}`);
      lines.push(line.slice(4));
      if (line[3] !== '-') return { code, lines };
    }
  }
}

function connected(socket: Socket, event: 'connect' | 'secureConnect'): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(new SmtpError(`cannot reach the mail server: ${error.message}`, null, { cause: error }));
    socket.once('error', onError);
    socket.once(event, () => {
      socket.off('error', onError);
      resolve();
    });
  });
}

// An address that could smuggle a second command into the conversation is refused outright.
function checkedAddress(address: string): string {
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(address)) throw new SmtpError(`not a mail address: ${JSON.stringify(address.slice(0, 100))}`);
  return address;
}

/** Lines starting with a dot get another (RFC 5321 4.5.2), and the data ends with `.`. */
function dotStuffed(data: string): string {
  const text = data.replace(/\r?\n/g, '\r\n');
  const stuffed = text.replace(/(^|\r\n)\./g, '$1..');
  return `${stuffed}${stuffed.endsWith('\r\n') ? '' : '\r\n'}.\r\n`;
}

/**
 * Sends one message over SMTP (RFC 5321): greeting, EHLO, STARTTLS when asked for (and then EHLO
 * again), AUTH PLAIN or LOGIN when a user is configured, MAIL FROM, RCPT TO, DATA, QUIT. Any
 * reply outside what each step expects fails the send with the server's own words.
 */
export async function sendSmtp(transport: SmtpTransport, envelope: SmtpEnvelope, data: string): Promise<void> {
  const from = checkedAddress(envelope.from);
  const recipients = envelope.to.map(checkedAddress);
  const tlsOptions = { servername: transport.host, ...transport.tls };
  let socket: Socket | TLSSocket =
    transport.security === 'tls' ? tlsConnect({ host: transport.host, port: transport.port, ...tlsOptions }) : netConnect({ host: transport.host, port: transport.port });
  socket.setTimeout(transport.timeoutMs, () => socket.destroy(new Error(`no answer within ${transport.timeoutMs} ms`)));
  try {
    await connected(socket, transport.security === 'tls' ? 'secureConnect' : 'connect');
    let reader = new ReplyReader(socket);
    const step = async (command: string | null, expected: readonly number[], shown = command): Promise<Reply> => {
      if (command !== null) socket.write(`${command}\r\n`);
      const reply = await reader.reply();
      if (!expected.includes(reply.code)) {
        throw new SmtpError(`the mail server refused ${shown ?? 'the connection'}: ${reply.code} ${reply.lines.join(' ')}`, reply.code);
      }
      return reply;
    };

    await step(null, [220]);
    let extensions = (await step(`EHLO ${transport.heloName}`, [250])).lines.slice(1).map((l) => l.toUpperCase());
    if (transport.security === 'starttls') {
      if (!extensions.some((e) => e === 'STARTTLS')) throw new SmtpError('the mail server does not offer STARTTLS');
      await step('STARTTLS', [220]);
      reader.detach();
      const plain = socket;
      // Errors of the plain socket surface on the TLS socket over it; unheard, they would crash.
      plain.on('error', () => undefined);
      socket = tlsConnect({ socket: plain, ...tlsOptions });
      socket.setTimeout(transport.timeoutMs, () => socket.destroy(new Error(`no answer within ${transport.timeoutMs} ms`)));
      await connected(socket, 'secureConnect');
      reader = new ReplyReader(socket);
      extensions = (await step(`EHLO ${transport.heloName}`, [250])).lines.slice(1).map((l) => l.toUpperCase());
    }
    if (transport.user !== null && transport.password !== null) {
      const mechanisms = extensions.find((e) => e.startsWith('AUTH '))?.split(/\s+/).slice(1) ?? [];
      const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
      if (mechanisms.includes('PLAIN')) {
        await step(`AUTH PLAIN ${b64(`\0${transport.user}\0${transport.password}`)}`, [235], 'AUTH PLAIN');
      } else if (mechanisms.includes('LOGIN')) {
        await step('AUTH LOGIN', [334]);
        await step(b64(transport.user), [334], 'the user name');
        await step(b64(transport.password), [235], 'the password');
      } else {
        throw new SmtpError('the mail server offers no sign-in the service speaks (PLAIN, LOGIN)');
      }
    }
    await step(`MAIL FROM:<${from}>`, [250]);
    for (const to of recipients) await step(`RCPT TO:<${to}>`, [250, 251]);
    await step('DATA', [354]);
    await step(dotStuffed(data).replace(/\r\n$/, ''), [250], 'the message');
    // The message is accepted; a server that hangs up before answering QUIT changes nothing.
    await step('QUIT', [221]).catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
