// validate.js FILE checks that FILE is a valid SARIF 2.1.0 log against
// the schema OASIS published, formats included (uri-reference, uri, date-time).
// It prints the errors and exits 1 when it is not.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");

const schema = require(path.join(__dirname, "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"));
// The schema is written in JSON Schema draft-04, which Ajv 6 reads with
// its meta-schema added.
const ajv = new Ajv({ allErrors: true, format: "full", schemaId: "auto" });
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
const validate = ajv.compile(schema);
const log = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
if (!validate(log)) {
  for (const e of validate.errors) {
    console.log(`${e.dataPath || "/"}: ${e.message}${e.params && e.params.format ? " (" + e.params.format + ")" : ""}`);
  }
  process.exit(1);
}
console.log("valid SARIF 2.1.0");
