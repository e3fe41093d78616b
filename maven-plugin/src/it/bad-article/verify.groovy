// check failed the build, naming the file, line and column, with the source line and a caret.
def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] content/bad.md:4:7: error: broken YAML in front matter')
assert log.contains('    tags: [economy\n          ^')
assert log.contains('checked 1 article')
assert log.contains('1 left out; 1 errors, 0 warnings')
assert log.contains('BUILD FAILURE')
assert log.contains('Broadsheet: 1 error; the first: content/bad.md:4:7: error:')
assert !new File(basedir, 'target').exists() : 'check writes nothing'
return true
