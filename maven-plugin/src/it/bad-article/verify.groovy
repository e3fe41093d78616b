// check failed the build, naming the file, line and column, with the source line and a caret.
def log = new File(basedir, 'build.log').text

assert log =~ /(?m)^\[ERROR\] content\/bad\.md:3:\d+: error: /
assert log.contains('\n    date: 2024-13-45\n')
assert log =~ /(?m)^ +\^$/
assert log.contains('checked 1 article')
assert log.contains('1 left out; 1 errors, 0 warnings')
assert log.contains('BUILD FAILURE')
assert log =~ /Broadsheet: 1 error; the first: content\/bad\.md:3:\d+: error: /
assert !new File(basedir, 'target').exists() : 'check writes nothing'
return true
