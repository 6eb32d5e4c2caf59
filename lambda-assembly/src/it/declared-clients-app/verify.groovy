// Jars the starter brings for the local runtime only come back when the application declares
// them (SQS, RestClient); jars several dependencies share stay even when a web server they came
// through is left out (Maven resolves spring-aop through spring-webmvc here).
import java.util.zip.ZipFile

File zip = new File(basedir, 'target/declared-clients-app-1.0-lambda.zip')
assert zip.isFile() : "mvn package built no ${zip}"
List<String> jars = new ZipFile(zip).withCloseable { z ->
	z.entries().collect { it.name }.findAll { it.startsWith('lib/') && it.endsWith('.jar') }.collect { it.substring(4) }
}
println "declared-clients-app zip: ${zip.length()} bytes, ${jars.size()} jars"
['sqs-', 'aws-json-protocol-', 'spring-web-', 'spring-boot-restclient-', 'spring-boot-http-client-',
		'spring-boot-http-converter-', 'spring-aop-', 'spring-expression-', 'spring-context-', 'snakeyaml-'].each { prefix ->
	assert jars.any { it.startsWith(prefix) } : "no ${prefix}*.jar in lib/: ${jars}"
}
['tomcat-embed-', 'spring-webmvc-', 'spring-boot-webmvc-', 'spring-boot-tomcat-', 'sns-', 'apache5-client-',
		'netty-'].each { prefix ->
	assert !jars.any { it.startsWith(prefix) } : "${prefix}*.jar should not be in lib/: ${jars}"
}
return true
