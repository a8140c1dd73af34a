// An independent check of our Open Badges: Digital Bazaar's vc library with the eddsa-rdfc-2022 cryptosuite, offline.
//
//   node verify.js <credential.json> <controller-document.json> [status-list-credential.json]
//
// Prints {"verified": bool, "revoked": bool, "errors": [...]} and exits 0 whenever it could give that answer.
// The document loader serves only the JSON-LD contexts bundled in src/main/resources/reference/openbadges-3.0, the
// controller (DID) document and its keys, and the status list credential; any other URL is an error, never a fetch.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gunzipSync} from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

const here = dirname(fileURLToPath(import.meta.url));
const contextsDir = join(here, '..', '..', 'src', 'main', 'resources', 'reference', 'openbadges-3.0');
const CONTEXTS = {
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-context-3.0.3.json',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld'
};

const readJson = file => JSON.parse(readFileSync(file, 'utf8'));

function offlineLoader(controllerDocument, statusListCredential) {
  const documents = new Map();
  for(const [url, file] of Object.entries(CONTEXTS)) {
    documents.set(url, readJson(join(contextsDir, file)));
  }
  documents.set(controllerDocument.id, controllerDocument);
  // a key is looked up by its own id, and must carry a context to be read as JSON-LD
  for(const method of controllerDocument.verificationMethod || []) {
    documents.set(method.id, {'@context': controllerDocument['@context'], ...method});
  }
  if(statusListCredential) {
    documents.set(statusListCredential.id, statusListCredential);
  }
  return async url => {
    if(!documents.has(url)) {
      throw new Error(`not available offline: ${url}`);
    }
    return {contextUrl: null, documentUrl: url, document: structuredClone(documents.get(url))};
  };
}

// Bitstring Status List: the first index is the left-most bit of the GZIP-compressed, multibase base64url list.
function bitIsSet(encodedList, index) {
  const base64url = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  const bits = gunzipSync(Buffer.from(base64url, 'base64url'));
  if(index < 0 || index >= bits.length * 8) {
    throw new Error(`status list index ${index} out of range`);
  }
  return (bits[Math.floor(index / 8)] & (0x80 >>> (index % 8))) !== 0;
}

function errorsOf(result) {
  const errors = [];
  const collect = item => {
    if(!item) {
      return;
    }
    for(const error of [item.error].flat().filter(Boolean)) {
      errors.push(error.message || String(error));
      for(const inner of error.errors || []) {
        errors.push(inner.message || String(inner));
      }
    }
    for(const proof of item.results || []) {
      if(!proof.verified && proof.error) {
        errors.push(proof.error.message || String(proof.error));
      }
    }
  };
  collect(result);
  collect(result.statusResult);
  return [...new Set(errors)];
}

async function main([credentialFile, controllerFile, statusListFile]) {
  if(!credentialFile || !controllerFile) {
    throw new Error('usage: node verify.js <credential.json> <controller-document.json> [status-list-credential.json]');
  }
  const credential = readJson(credentialFile);
  const controllerDocument = readJson(controllerFile);
  const statusListCredential = statusListFile ? readJson(statusListFile) : null;
  const documentLoader = offlineLoader(controllerDocument, statusListCredential);
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});

  let revoked = false;
  // the status list credential must itself carry a valid proof by the same issuer before its bit counts
  const checkStatus = async ({credential: checked}) => {
    const entries = [checked.credentialStatus].flat();
    for(const entry of entries) {
      if(entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') {
        continue;
      }
      if(!statusListCredential || statusListCredential.id !== entry.statusListCredential) {
        return {verified: false, error: new Error(`status list not given: ${entry.statusListCredential}`)};
      }
      const listResult = await vc.verifyCredential({credential: statusListCredential, suite, documentLoader});
      if(!listResult.verified) {
        return {verified: false, error: new Error(`status list credential not verified: ${errorsOf(listResult).join('; ')}`)};
      }
      const issuerOf = c => typeof c.issuer === 'string' ? c.issuer : c.issuer.id;
      if(issuerOf(statusListCredential) !== issuerOf(checked)) {
        return {verified: false, error: new Error('status list credential has another issuer')};
      }
      const subject = statusListCredential.credentialSubject;
      if(subject.type !== 'BitstringStatusList' || subject.statusPurpose !== 'revocation') {
        return {verified: false, error: new Error('not a revocation Bitstring Status List')};
      }
      if(bitIsSet(subject.encodedList, Number.parseInt(entry.statusListIndex, 10))) {
        revoked = true;
        return {verified: false, error: new Error('credential is revoked')};
      }
    }
    return {verified: true};
  };

  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  return {verified: result.verified === true, revoked, errors: result.verified ? [] : errorsOf(result)};
}

try {
  console.log(JSON.stringify(await main(process.argv.slice(2))));
} catch(error) {
  console.log(JSON.stringify({verified: false, revoked: false, errors: [error.message || String(error)]}));
}
