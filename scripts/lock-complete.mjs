// Does package-lock.json list every optional platform binary its packages declare (@next/swc-darwin-arm64, …)?
// A registry mirror that lacks some of them at the locked version leaves them out of the lock, and `npm ci` then
// refuses the whole lock ("Missing: … from lock file") although nothing for this platform is missing.
//   node scripts/lock-complete.mjs            exit 0: complete, `npm ci` accepts it; exit 1: incomplete
//   node scripts/lock-complete.mjs OLD-LOCK   exit 0 when package-lock.json locks the same versions as OLD-LOCK
import fs from "node:fs";

const read = (file) => JSON.parse(fs.readFileSync(file, "utf8")).packages;
const packages = read(new URL("../package-lock.json", import.meta.url));

if (process.argv[2]) {
  const before = read(process.argv[2]);
  // An optional package the old lock lacked (a platform binary or fallback the registry did not have then and has now)
  // changes none of the locked versions; the project works without it by definition. Anything else that differs is a
  // change: another version, or a package the old lock had and the new one lacks.
  const changed = [...new Set([...Object.keys(before), ...Object.keys(packages)])]
    .filter((p) => before[p]?.version !== packages[p]?.version)
    .filter((p) => !(before[p] === undefined && packages[p]?.optional === true));
  if (changed.length) {
    console.error(`npm install changed locked versions (${changed.slice(0, 5).join(", ")}…): package.json and package-lock.json disagree.`);
    process.exit(1);
  }
  process.exit(0);
}

/** Node's lookup: the package's own node_modules, then each enclosing one, up to the top. */
function locked(from, name) {
  for (let dir = from; ; ) {
    if (packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    if (!dir) return false;
    const up = dir.lastIndexOf("/node_modules/");
    dir = up < 0 ? "" : dir.slice(0, up);
  }
}

const missing = new Set();
for (const [path, pkg] of Object.entries(packages)) {
  for (const name of Object.keys(pkg.optionalDependencies ?? {})) if (!locked(path, name)) missing.add(name);
}
if (missing.size) {
  console.log(`package-lock.json lacks ${missing.size} optional binaries for other platforms (the registry here does not have them).`);
  process.exit(1);
}
