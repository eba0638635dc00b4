# Reads posts as Jekyll 4.3.1 (Debian) does, for test/generators/jekyll-front-matter.test.ts.
# Input on stdin: a JSON array of post texts. Output: a JSON array, per post:
#   { "match": false }                                   no front matter (YAML_FRONT_MATTER_REGEXP fails)
#   { "match": true, "body": …, "data": tagged | null }  Jekyll::Utils.safe_load_yaml(Regexp.last_match(1))
#   { "match": true, "body": …, "error": "Psych::SyntaxError", "message": … }
# exactly as Jekyll::Document#read_content splits and loads a post (lib/jekyll/document.rb).
# Values are tagged so that nothing is lost in JSON: {"int": "…"}, {"float": "…"}, {"date": "YYYY-MM-DD"},
# {"time": epoch milliseconds}, {"map": [[key, value], …]}, arrays, strings, true, false, null.
require 'json'
require 'jekyll'

def tag(v)
  case v
  when nil, true, false then v
  when String then v.encoding == Encoding::BINARY ? { 'binary' => v.bytes } : v
  when Integer then { 'int' => v.to_s }
  when Float then { 'float' => v.nan? ? 'NaN' : v.infinite? ? (v > 0 ? 'Infinity' : '-Infinity') : v.to_s }
  when Time then { 'time' => (v.to_r * 1000).round.to_i }
  when Date then { 'date' => v.strftime('%Y-%m-%d') }
  when Hash then { 'map' => v.map { |k, x| [tag(k), tag(x)] } }
  when Array then v.map { |x| tag(x) }
  else { 'other' => v.class.name }
  end
end

posts = JSON.parse($stdin.read)
out = posts.map do |text|
  if text =~ Jekyll::Document::YAML_FRONT_MATTER_REGEXP
    body = Regexp.last_match.post_match
    begin
      { 'match' => true, 'body' => body, 'data' => tag(Jekyll::Utils.safe_load_yaml(Regexp.last_match(1))) }
    rescue StandardError => e
      { 'match' => true, 'body' => body, 'error' => e.class.name, 'message' => e.message }
    end
  else
    { 'match' => false }
  end
end
$stdout.write(JSON.generate(out))
