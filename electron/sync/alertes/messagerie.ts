import nodemailer from 'nodemailer';
import type { ParametresSmtp } from '../../../shared/contract/sync';
import { RegistreError } from '../../../shared/errors';
import { journal } from '../../journal';
import type { Courriel } from './message';

export interface ConfigurationMessagerie extends ParametresSmtp {
  motDePasse: string | null;
}

/**
 * Sends one e-mail through the office's SMTP server (nodemailer). Failures are reported as a
 * typed error and logged with the SMTP code only: the caller decides whether a failed alert
 * matters (it never undoes the sync that triggered it).
 */
export async function envoyerCourriel(
  config: ConfigurationMessagerie,
  destinataire: string,
  courriel: Courriel,
): Promise<{ idMessage: string }> {
  const transport = nodemailer.createTransport({
    host: config.hote,
    port: config.port,
    secure: config.securite === 'tls',
    requireTLS: config.securite === 'starttls',
    ignoreTLS: config.securite === 'aucune',
    auth: config.utilisateur ? { user: config.utilisateur, pass: config.motDePasse ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    const info = await transport.sendMail({
      from: config.expediteur,
      to: destinataire,
      subject: courriel.sujet,
      text: courriel.texte,
    });
    return { idMessage: String(info.messageId) };
  } catch (e) {
    const err = e as { code?: string; responseCode?: number };
    journal.avertir('courriel non envoyé', { code: err.code, smtp: err.responseCode });
    throw new RegistreError(
      'plateforme_injoignable',
      'Le courriel d’alerte n’a pas pu être envoyé : vérifiez les paramètres de messagerie (SMTP).',
      {
        raison: `${err.code ?? 'erreur'}${err.responseCode ? ` ${err.responseCode}` : ''}`,
      },
    );
  } finally {
    transport.close();
  }
}
