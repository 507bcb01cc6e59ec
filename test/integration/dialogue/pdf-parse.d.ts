// pdf-parse's index runs a self-test (reading a bundled sample file) when it thinks it is the main module,
// which it does under jest; its lib entry is the same parser without that, typed like the package.
declare module 'pdf-parse/lib/pdf-parse.js' {
  import pdfParse from 'pdf-parse';
  export default pdfParse;
}
