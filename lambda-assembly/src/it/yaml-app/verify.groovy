// The zip an application gets from tributary-starter-parent: SnakeYAML in, the starter's
// local-only jars out, about the size of the sample app's, and it starts from application.yml
// the way Lambda's Java runtime loads it.
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile

File zip = new File(basedir, 'target/yaml-app-1.0-lambda.zip')
assert zip.isFile() : "mvn package built no ${zip}"
// No HTTP API: no API function's zip either (tributary.lambda.api-zip.skip is true by default).
assert !new File(basedir, 'target/yaml-app-1.0-api-lambda.zip').exists()

List<String> names = new ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
List<String> jars = names.findAll { it.startsWith('lib/') && it.endsWith('.jar') }.collect { it.substring(4) }
println "yaml-app zip: ${zip.length()} bytes, ${names.size()} entries, ${jars.size()} jars"

assert names.contains('application.yml')
assert names.contains('com/example/yamlapp/YamlApplication.class')
['snakeyaml-', 'tributary-autoconfigure-', 'spring-cloud-function-adapter-aws-', 'url-connection-client-',
		'spring-aop-', 'spring-expression-', 'dynamodb-enhanced-'].each { prefix ->
	assert jars.any { it.startsWith(prefix) } : "no ${prefix}*.jar in lib/: ${jars}"
}
['sqs-', 'sns-', 'spring-web-', 'spring-boot-web-server-', 'spring-boot-restclient-', 'apache5-client-',
		'httpclient5-', 'log4j-', 'tributary-deploy-', 'testcontainers-', 'tomcat-', 'spring-boot-starter-',
		'tributary-spring-boot-starter-'].each { prefix ->
	assert !jars.any { it.startsWith(prefix) } : "${prefix}*.jar should not be in lib/: ${jars}"
}
// 14,705,682 bytes when measured (jars stored by LambdaZipRepacker; 21,319,698 before): this
// guards against the starter's local-only jars coming back and against deflated jars.
assert zip.length() < 15_000_000L : "${zip.length()} bytes"

File unzipped = new File(basedir, 'target/lambda-unzipped')
unzipped.deleteDir()
new ZipFile(zip).withCloseable { z ->
	z.entries().each { entry ->
		File target = new File(unzipped, entry.name)
		if (entry.directory) {
			target.mkdirs()
		}
		else {
			target.parentFile.mkdirs()
			target.withOutputStream { out -> out << z.getInputStream(entry) }
		}
	}
}
// tributary-starter-parent stores the jars' entries, so that the zip compresses them together.
new File(unzipped, 'lib').listFiles().findAll { it.name.endsWith('.jar') }.each { jar ->
	new ZipFile(jar).withCloseable { z ->
		def deflated = z.entries().findAll { it.method != java.util.zip.ZipEntry.STORED }.collect { it.name }
		assert deflated.isEmpty() : "${jar.name} has deflated entries: ${deflated.take(5)}"
	}
}
String java = new File(System.getProperty('java.home'), 'bin/java').path
String classpath = [unzipped.path, new File(unzipped, 'lib').path + '/*',
		new File(basedir, 'target/test-classes').path].join(File.pathSeparator)
ProcessBuilder builder = new ProcessBuilder(java, '-XX:+TieredCompilation', '-XX:TieredStopAtLevel=1',
		'-Dtributary.lambda.enabled=true', '-cp', classpath, 'com.example.yamlapp.RunAsLambda',
		new File(basedir, 'src/test/resources/items-insert.json').path).redirectErrorStream(true)
builder.environment().put('MAIN_CLASS', 'com.example.yamlapp.YamlApplication')
builder.environment().remove('SPRING_CLOUD_FUNCTION_DEFINITION')
Process process = builder.start()
String output = process.inputStream.getText('UTF-8')
assert process.waitFor(120, TimeUnit.SECONDS)
println output
assert process.exitValue() == 0 : output
assert output.contains('from application.yml: INSERT: one -> first')
assert output.contains('LAMBDA_RESPONSE {"batchItemFailures":[]}')
return true
