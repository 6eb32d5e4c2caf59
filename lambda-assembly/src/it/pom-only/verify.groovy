// The Lambda zip profile is activated by src/main/java: a pom without sources builds no zip.
File target = new File(basedir, 'target')
List<String> zips = target.isDirectory() ? target.list().findAll { it.endsWith('-lambda.zip') } : []
assert zips.isEmpty() : "a pom without src/main/java built ${zips}"
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
return true
