// `npm run dev-token -- you@example.com`: a development sign-in token for a local service started
// with the same SHEETS_SFA_DEV_AUTH_KEY, to call the API with curl or from a test add-on.
import { signDevToken } from '../server/auth/dev-token-verifier.ts';

const key = process.env.SHEETS_SFA_DEV_AUTH_KEY ?? '';
const email = process.argv[2] ?? '';
if (key.length < 32 || !email.includes('@')) {
  process.stderr.write('usage: SHEETS_SFA_DEV_AUTH_KEY=<32+ characters> npm run dev-token -- <email>\n');
  process.exit(2);
}
process.stdout.write(`${await signDevToken(key, email.trim().toLowerCase())}\n`);
