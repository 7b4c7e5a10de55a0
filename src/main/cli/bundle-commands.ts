import type { Command } from 'commander'
import { slug } from '../../shared/slug'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkBundle } from '../bundles/bundle-reader'
import { createBundle } from '../bundles/bundle-writer'
import {
  checkNewPassphrase,
  encryptPrivateKey,
  readPassphraseFile,
  readPrivateKey,
} from '../bundles/key-encryption'
import { publishLocalEdits } from '../edits/publish-edits'
import { formatFingerprint, generateKeyPair, parsePublicKeyFile, publicPartOf } from '../bundles/keys'
import { singleKeyLookup, trustStoreLookup } from '../store/trust-store'
import * as updates from '../services/update-services'
import type { CliContext } from './cli-context'
import { isoDay, wholeNumber } from './option-parsers'
import { CliError } from './cli-io'
import { formatHistory, formatTrustedKeys, formatVerified } from './update-format'

const positiveInteger = wholeNumber(1, Number.MAX_SAFE_INTEGER, 'a whole number of 1 or more')

/** keygen, bundle create|verify, import, history, undo, trust add|remove|list. */
export function registerBundleCommands(program: Command, cli: CliContext): void {
  program
    .command('keygen')
    .description('make an Ed25519 key pair for publishing bundles')
    .requiredOption('--out <dir>', 'folder to write the private key and the .pub public key into')
    .option('--publisher <name>', 'who publishes with this key', os.userInfo().username)
    .option('--valid-days <n>', 'how long the key is valid', positiveInteger, 730)
    .option(
      '--passphrase-file <file>',
      'encrypt the private key with the passphrase in this file (scrypt, AES-256-GCM)',
    )
    .action((options: { out: string; publisher: string; validDays: number; passphraseFile?: string }) => {
      const passphrase = options.passphraseFile ? readPassphraseFile(options.passphraseFile) : null
      if (passphrase !== null) checkNewPassphrase(passphrase, options.passphraseFile!)
      const { publicFile, privateFile } = generateKeyPair(options.publisher, options.validDays)
      const kept = passphrase === null ? privateFile : encryptPrivateKey(privateFile, passphrase)
      fs.mkdirSync(options.out, { recursive: true })
      const base = path.join(
        options.out,
        `${slug(options.publisher, 'publisher')}-${publicFile.keyId.slice(0, 8)}`,
      )
      const privatePath = `${base}.key`
      const publicPath = `${base}.pub`
      // The private key is written for its owner only; never overwrite an existing key.
      fs.writeFileSync(privatePath, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
      fs.writeFileSync(publicPath, `${JSON.stringify(publicFile, null, 2)}\n`, { mode: 0o644, flag: 'wx' })
      cli.print(
        {
          privateKey: privatePath,
          publicKey: publicPath,
          fingerprint: publicFile.keyId,
          publisher: publicFile.publisher,
          expires: publicFile.expires,
          encrypted: passphrase !== null,
        },
        [
          `Private key: ${privatePath} (keep it secret${passphrase === null ? '' : '; encrypted with your passphrase'})`,
          `Public key:  ${publicPath} (give this to the people who import your bundles)`,
          `Fingerprint: ${formatFingerprint(publicFile.keyId)}`,
          `Valid until: ${publicFile.expires}`,
        ].join('\n'),
      )
    })

  const bundle = program.command('bundle').description('create and verify update bundles')
  bundle
    .command('create')
    .description(
      'sign the .jsonl payload files in a folder (--from DIR --sequence N), or the local edits of the store not yet published (--from-store), into one bundle file',
    )
    .requiredOption('--key <file>', 'your private key file')
    .option('--passphrase-file <file>', 'the passphrase of an encrypted private key')
    .option('--from <dir>', 'folder of .jsonl payload files')
    .option(
      '--sequence <n>',
      "with --from: this bundle's number; each bundle must be higher than the last",
      positiveInteger,
    )
    .option('--from-store', 'the local edits of the store (--db) not yet published; the next sequence')
    .option(
      '--since <edit>',
      'with --from-store: the edits after this one ("edits list"), not after the last publication',
      wholeNumber(0, Number.MAX_SAFE_INTEGER, 'an edit id, as "edits list" shows'),
    )
    .requiredOption('--out <file>', 'the bundle file to write')
    .option('--as-of <date>', 'the date the data describes (YYYY-MM-DD; default today)', isoDay)
    .option(
      '--expires <date>',
      'when importers should treat it as stale (YYYY-MM-DD; default 90 days)',
      isoDay,
    )
    .action(
      async (options: {
        key: string
        passphraseFile?: string
        from?: string
        sequence?: number
        fromStore?: boolean
        since?: number
        out: string
        asOf?: string
        expires?: string
      }) => {
        if (Boolean(options.from) === Boolean(options.fromStore))
          throw new CliError('Give --from DIR --sequence N, or --from-store; one of the two.')
        if (options.from && options.sequence === undefined)
          throw new CliError('--from needs --sequence N: the number of this bundle.')
        if (options.fromStore && options.sequence !== undefined)
          throw new CliError('--from-store takes the next sequence from the store; leave out --sequence.')
        const key = readPrivateKey(
          updates.readUserFile(options.key).toString('utf8'),
          options.key,
          options.passphraseFile ? readPassphraseFile(options.passphraseFile) : null,
        )
        const expires = options.expires ? new Date(`${options.expires}T23:59:59Z`) : undefined
        const { bytes, sequence } = options.fromStore
          ? await cli.withStore(
              async (store) => {
                const published = await publishLocalEdits(store.db, { key, since: options.since, expires })
                return { bytes: published.bytes, sequence: published.publication.sequence }
              },
              { writes: 'publishing local edits' },
            )
          : {
              bytes: await createBundle({
                key,
                fromDir: options.from!,
                sequence: options.sequence!,
                dataAsOf: options.asOf,
                expires,
              }),
              sequence: options.sequence!,
            }
        const verified = await checkBundle(bytes, singleKeyLookup(publicPartOf(key)))
        fs.writeFileSync(options.out, bytes)
        cli.print(
          {
            file: options.out,
            bytes: bytes.length,
            bundleId: verified.bundleId,
            sequence,
            operations: verified.operationCount,
          },
          `Wrote ${options.out} (${bytes.length} bytes, ${verified.operationCount} operations, sequence ${sequence}).`,
        )
      },
    )

  bundle
    .command('verify')
    .description("check a bundle's signature, hashes and contents without changing anything")
    .argument('<file>', 'the bundle file')
    .option('--trust <pubkey>', 'check against this public key file instead of the trust store')
    .action(async (file: string, options: { trust?: string }) => {
      const bytes = updates.readUserFile(file)
      const verified = options.trust
        ? await checkBundle(
            bytes,
            singleKeyLookup(
              parsePublicKeyFile(updates.readUserFile(options.trust).toString('utf8'), options.trust),
            ),
          )
        : await cli.withStore((store) => checkBundle(bytes, trustStoreLookup(store.db)))
      const summary = {
        valid: true,
        bundleId: verified.bundleId,
        ...verified.manifest,
        fingerprint: verified.key.keyId,
        expired: verified.expired,
        operations: verified.operationCount,
        warnings: verified.warnings,
      }
      cli.print(summary, formatVerified(verified))
    })

  program
    .command('history')
    .description('list imported bundles, newest first')
    .action(() =>
      cli.withStore((store) => {
        const entries = updates.history(store)
        cli.print(entries, formatHistory(entries))
      }),
    )

  program
    .command('undo')
    .description('undo the latest import, restoring the store exactly as it was before it')
    .option('--yes', 'do not ask for confirmation')
    .action((options: { yes?: boolean }) =>
      cli.withStore(
        async (store) => {
          const latest = updates.latestUndoable(store)
          if (!latest) throw new CliError('There is no import to undo.')
          const question = `Undo import ${latest.id} (${latest.publisher}, sequence ${latest.sequence}, ${latest.importedAt})?`
          if (!(await cli.confirm(question, Boolean(options.yes)))) {
            throw new CliError(
              `${question} Not confirmed; nothing was changed. Run again with --yes to undo.`,
            )
          }
          const entry = updates.undoLastImport(store, latest.id)
          cli.print(entry, `Undone: import ${entry.id} (${entry.publisher}, sequence ${entry.sequence}).`)
        },
        { writes: 'undoing an import' },
      ),
    )

  const judgements = program
    .command('judgements')
    .description('the decisions on possible matches that every later import reuses')
  judgements
    .command('list')
    .description('list them, newest first')
    .action(() =>
      cli.withStore((store) => {
        const list = updates.judgements(store)
        cli.print(
          list,
          list.length === 0
            ? 'No judgements yet.'
            : list
                .map(
                  (j) =>
                    `${String(j.id).padStart(5)}  ${j.party} ${j.verdict === 'same' ? 'IS' : 'IS NOT'} ${j.entityName} (${j.entityId}) — ${j.decidedAt.slice(0, 10)}${j.fileName ? `, ${j.fileName}` : ''}`,
                )
                .join('\n'),
        )
      }),
    )
  judgements
    .command('revoke')
    .description('forget one judgement: the next import asks about that party again')
    .argument('<id>', 'the judgement\'s number, as "judgements list" shows it')
    .action((id: string) =>
      cli.withStore(
        (store) => {
          if (!/^\d+$/.test(id))
            throw new CliError(`judgements revoke takes a judgement's number, not "${id}".`)
          updates.forgetJudgement(store, Number(id))
          cli.print({ revoked: Number(id) }, `Revoked judgement ${id}.`)
        },
        { writes: 'revoking a judgement' },
      ),
    )

  const trust = program.command('trust').description('manage the publisher keys whose bundles you accept')
  trust
    .command('add')
    .description("trust a publisher's public key file")
    .argument('<pubkey>', 'the .pub file')
    .action((file: string) =>
      cli.withStore(
        (store) => {
          const key = updates.trustKey(store, updates.readUserFile(file).toString('utf8'))
          cli.print(
            key,
            [
              `Trusted ${key.publisher}.`,
              `Fingerprint: ${formatFingerprint(key.fingerprint)}`,
              'Compare this fingerprint with the publisher by another channel (phone, in person) before relying on it.',
              key.expired
                ? `Warning: this key expired on ${key.expires}; its bundles will be refused.`
                : `Valid until ${key.expires}.`,
            ].join('\n'),
          )
        },
        { writes: 'trusting a key' },
      ),
    )
  trust
    .command('remove')
    .description('stop trusting a key; its bundles are refused from now on')
    .argument('<fingerprint>', "the key's fingerprint (spaces allowed)")
    .action((fingerprint: string) =>
      cli.withStore(
        (store) => {
          updates.distrustKey(store, fingerprint)
          cli.print({ removed: fingerprint }, `Removed ${fingerprint}.`)
        },
        { writes: 'removing a trusted key' },
      ),
    )
  trust
    .command('list')
    .description('list trusted publisher keys')
    .action(() =>
      cli.withStore((store) => {
        const keys = updates.trustedKeys(store)
        cli.print(keys, formatTrustedKeys(keys))
      }),
    )
}
