// A small SMTP server on 127.0.0.1 that speaks enough RFC 5321 for a client to deliver to it
// (EHLO, STARTTLS, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and records everything:
// the transcript of each session and each message accepted.
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The DATA as received, dot-stuffing undone, CRLF line ends. */
  readonly data: string;
  readonly tls: boolean;
  readonly user: string | null;
}

export interface SmtpTestServerOptions {
  /** Offer STARTTLS with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** Require sign-in with these. */
  readonly credentials?: { readonly user: string; readonly password: string };
  /** Refuse RCPT TO for these addresses with 550. */
  readonly refuse?: readonly string[];
}

export interface SmtpTestServer {
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** Every line each way, `C: …` from the client and `S: …` from the server, per session. */
  readonly transcripts: string[][];
  close(): Promise<void>;
}

export async function startSmtpTestServer(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const mails: ReceivedMail[] = [];
  const transcripts: string[][] = [];
  const sockets = new Set<Socket>();

  const session = (plain: Socket) => {
    sockets.add(plain);
    plain.on('close', () => sockets.delete(plain));
    plain.on('error', () => undefined);
    const transcript: string[] = [];
    transcripts.push(transcript);
    let socket: Socket = plain;
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let from: string | null = null;
    let to: string[] = [];
    let secure = false;
    let user: string | null = null;
    let authLogin: 'user' | 'password' | null = null;
    let loginUser = '';

    const say = (line: string) => {
      transcript.push(`S: ${line}`);
      socket.write(`${line}\r\n`);
    };
    const ehlo = () => {
      const ext = ['250-sfa-test.local greets you', '250-8BITMIME'];
      if (options.tls !== undefined && !secure) ext.push('250-STARTTLS');
      if (options.credentials !== undefined) ext.push('250-AUTH PLAIN LOGIN');
      ext.push('250 SIZE 10485760');
      for (const l of ext) say(l);
    };
    const signedIn = (u: string, p: string) => {
      if (options.credentials !== undefined && u === options.credentials.user && p === options.credentials.password) {
        user = u;
        say('235 2.7.0 Authentication successful');
      } else {
        say('535 5.7.8 Authentication credentials invalid');
      }
    };

    const line = (text: string) => {
      if (inData) {
        if (text === '.') {
          inData = false;
          transcript.push('C: .');
          mails.push({ from: from ?? '', to, data: data.join('\r\n') + '\r\n', tls: secure, user });
          data = [];
          say('250 2.0.0 Ok: queued');
          return;
        }
        data.push(text.startsWith('.') ? text.slice(1) : text);
        return;
      }
      transcript.push(`C: ${text}`);
      if (authLogin === 'user') {
        loginUser = Buffer.from(text, 'base64').toString('utf8');
        authLogin = 'password';
        say('334 UGFzc3dvcmQ6');
        return;
      }
      if (authLogin === 'password') {
        authLogin = null;
        signedIn(loginUser, Buffer.from(text, 'base64').toString('utf8'));
        return;
      }
      const [verb = '', ...rest] = text.split(' ');
      const arg = rest.join(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO':
          ehlo();
          return;
        case 'HELO':
          say('250 sfa-test.local');
          return;
        case 'STARTTLS': {
          if (options.tls === undefined) return say('502 5.5.1 not offered');
          say('220 2.0.0 Ready to start TLS');
          socket.removeAllListeners('data');
          const tlsSocket = new TLSSocket(socket, { isServer: true, key: options.tls.key, cert: options.tls.cert });
          tlsSocket.on('error', () => undefined);
          socket = tlsSocket;
          secure = true;
          buffer = '';
          tlsSocket.on('data', onData);
          return;
        }
        case 'AUTH': {
          if (options.credentials === undefined) return say('502 5.5.1 not offered');
          if (options.tls !== undefined && !secure) return say('538 5.7.11 Encryption required');
          const [mechanism, initial] = arg.split(' ');
          if (mechanism?.toUpperCase() === 'PLAIN' && initial !== undefined) {
            const [, u = '', p = ''] = Buffer.from(initial, 'base64').toString('utf8').split('\0');
            return signedIn(u, p);
          }
          if (mechanism?.toUpperCase() === 'LOGIN') {
            authLogin = 'user';
            return say('334 VXNlcm5hbWU6');
          }
          return say('504 5.5.4 mechanism not supported');
        }
        case 'MAIL': {
          if (options.credentials !== undefined && user === null) return say('530 5.7.0 Authentication required');
          const m = /^FROM:<([^>]*)>/i.exec(arg);
          if (m === null) return say('501 5.5.4 syntax');
          from = m[1] ?? '';
          to = [];
          return say('250 2.1.0 Ok');
        }
        case 'RCPT': {
          const m = /^TO:<([^>]*)>/i.exec(arg);
          if (m === null || from === null) return say('503 5.5.1 need MAIL first');
          if (options.refuse?.includes(m[1] ?? '')) return say('550 5.1.1 mailbox unavailable');
          to.push(m[1] ?? '');
          return say('250 2.1.5 Ok');
        }
        case 'DATA':
          if (to.length === 0) return say('503 5.5.1 need RCPT first');
          inData = true;
          return say('354 End data with <CR><LF>.<CR><LF>');
        case 'RSET':
          from = null;
          to = [];
          return say('250 2.0.0 Ok');
        case 'NOOP':
          return say('250 2.0.0 Ok');
        case 'QUIT':
          say('221 2.0.0 Bye');
          socket.end();
          return;
        default:
          return say('500 5.5.2 unknown command');
      }
    };

    function onData(chunk: Buffer) {
      buffer += chunk.toString('utf8');
      let at = buffer.indexOf('\r\n');
      while (at >= 0) {
        const text = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        line(text);
        at = buffer.indexOf('\r\n');
      }
    }
    plain.on('data', onData);
    say('220 sfa-test.local ESMTP ready');
  };

  const server: Server = createServer(session);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    mails,
    transcripts,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
