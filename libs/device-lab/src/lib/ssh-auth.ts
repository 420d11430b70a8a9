import type { AuthContext } from 'ssh2';
import type { LabDevice } from './lab-fleet';
import type { Persona } from './persona';
import type { LoginIdentity } from './shell-session';

type LoginMethod = 'password' | 'keyboard-interactive';

/** The methods a device offers: the persona's, unless a fault forces keyboard-interactive. */
export function offeredAuthMethods(device: LabDevice): LoginMethod[] {
  if (device.faults.includes('keyboard-interactive-only')) return ['keyboard-interactive'];
  return [...(device.persona.authMethods ?? ['password'])];
}

/**
 * Answers one authentication request like a real server: a refusal never says which part
 * was wrong, only which methods remain (partial success false).
 */
export function authenticate(device: LabDevice, request: AuthContext, onLogin: (login: LoginIdentity) => void): void {
  const methods = offeredAuthMethods(device);
  const login = parseLoginUsername(device.persona, request.username);
  const decide = (password: string | undefined): void => {
    const { credentials, faults } = device;
    const valid =
      !faults.includes('auth-fail') && login.username === credentials.username && password === credentials.password;
    if (!valid) return request.reject(methods, false);
    onLogin(login);
    request.accept();
  };

  if (request.method === 'password' && methods.includes('password')) {
    decide(request.password);
  } else if (request.method === 'keyboard-interactive' && methods.includes('keyboard-interactive')) {
    request.prompt([{ prompt: 'Password: ', echo: false }], (answers) => decide(answers[0]));
  } else {
    request.reject(methods, false);
  }
}

function parseLoginUsername(persona: Persona, raw: string): LoginIdentity {
  return persona.parseLoginUsername?.(raw) ?? { username: raw, options: {} };
}
