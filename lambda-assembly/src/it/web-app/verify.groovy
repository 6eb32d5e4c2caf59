// The zips an application with an HTTP API gets from tributary-starter-parent with
// tributary.lambda.api-zip.skip=false: the processors' zip without Spring MVC's server side and the
// serverless web support; the API function's with them, Tomcat out of both; and the API function
// answers a function URL request from its zip the way Lambda's Java runtime loads it.
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile

def libraries = { File zip ->
	assert zip.isFile() : "mvn package built no ${zip}"
	List<String> jars = new ZipFile(zip).withCloseable { z ->
		z.entries().collect { it.name }.findAll { it.startsWith('lib/') && it.endsWith('.jar') }.collect { it.substring(4) }
	}
	println "${zip.name}: ${zip.length()} bytes, ${jars.size()} jars"
	return jars
}

List<String> processors = libraries(new File(basedir, 'target/web-app-1.0-lambda.zip'))
['spring-webmvc-', 'spring-boot-webmvc-', 'spring-boot-servlet-', 'spring-cloud-function-serverless-web-',
		'jakarta.servlet-api-', 'tomcat-'].each { prefix ->
	assert !processors.any { it.startsWith(prefix) } : "${prefix}*.jar should not be in the processors' zip: ${processors}"
}
['tributary-autoconfigure-', 'spring-cloud-function-adapter-aws-'].each { prefix ->
	assert processors.any { it.startsWith(prefix) } : "no ${prefix}*.jar in the processors' zip: ${processors}"
}

File zip = new File(basedir, 'target/web-app-1.0-api-lambda.zip')
List<String> jars = libraries(zip)
assert jars.containsAll(processors) : "the API's zip lacks some of the processors' jars: ${processors - jars}"

['spring-web-', 'spring-webmvc-', 'spring-boot-webmvc-', 'spring-boot-servlet-', 'spring-boot-web-server-',
		'spring-boot-http-converter-', 'spring-cloud-function-serverless-web-', 'jakarta.servlet-api-',
		'tributary-autoconfigure-'].each { prefix ->
	assert jars.any { it.startsWith(prefix) } : "no ${prefix}*.jar in lib/: ${jars}"
}
['tomcat-', 'tributary-deploy-', 'testcontainers-', 'spring-boot-starter-'].each { prefix ->
	assert !jars.any { it.startsWith(prefix) } : "${prefix}*.jar should not be in lib/: ${jars}"
}

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
String java = new File(System.getProperty('java.home'), 'bin/java').path
String classpath = [unzipped.path, new File(unzipped, 'lib').path + '/*',
		new File(basedir, 'target/test-classes').path].join(File.pathSeparator)
ProcessBuilder builder = new ProcessBuilder(java, '-XX:+TieredCompilation', '-XX:TieredStopAtLevel=1',
		'-cp', classpath, 'com.example.webapp.RunApi',
		new File(basedir, 'src/test/resources/get-greeting.json').path).redirectErrorStream(true)
// What Lambda sets for a function (the credentials are never used: the controller calls no AWS API).
builder.environment().put('MAIN_CLASS', 'com.example.webapp.WebApplication')
builder.environment().put('AWS_LAMBDA_FUNCTION_NAME', 'web-app-dev-api')
builder.environment().put('AWS_REGION', 'us-east-1')
builder.environment().remove('SPRING_CLOUD_FUNCTION_DEFINITION')
Process process = builder.start()
String output = process.inputStream.getText('UTF-8')
assert process.waitFor(120, TimeUnit.SECONDS)
println output
assert process.exitValue() == 0 : output
assert output.contains('LAMBDA_RESPONSE {"statusCode":200,')
assert output.contains('"body":"hello lambda"')
return true
