# The oracle of the Liquid differential test: Shopify's reference Liquid (Ruby, Debian's
# `ruby-liquid`) renders each case the way a Shopify-dialect ESP would.
#
# Reads JSON Lines on stdin, one case per line:
#   {"id": ..., "template": "...", "data": {...}, "partials": {"name": "source", ...}}
# and writes one JSON line per case, in order, flushed at once (the test also talks to this
# process one case at a time while it minimizes):
#   {"id": ..., "output": "...", "errors": [...]}     parsed and rendered; `errors` lists the
#                                                      runtime errors lax mode rendered inline
#                                                      or swallowed (in `assign`, for one)
#   {"id": ..., "error": "Class: message"}             Template.parse raised
#   {"id": ..., "error": "Class: message", "phase": "render"}   render raised or timed out
# and `"clock": true` on a case where `date` read Ruby's clock (see `ClockReads`), `"current"`:
# the output under current Liquid's `tablerowloop.col_last` when it differs (`CurrentColLast`).
#
# Parsing is Liquid's default lax mode, so runtime errors render inline ("Liquid error: ...").
# Every case is bounded (a timeout and Liquid's resource limits): one bad case can never hang
# or starve the thousands after it.
require "json"
require "liquid"

$stdout.sync = true

# Not a StandardError: Liquid rescues StandardError inside blocks and would render a timeout
# as an inline "Liquid error: internal" and carry on rendering.
class CaseTimeout < Exception; end

# One watchdog thread for the whole run (the timeout library of Ruby 3.1 starts a thread per
# call, a third of the time of a small case). It raises CaseTimeout in the main thread when the
# current case passes its deadline; the lock makes "deadline passed" and "case finished"
# exclusive, and the main thread only takes the interrupt while it renders.
class Watchdog
  def initialize(seconds)
    @seconds = seconds
    @lock = Mutex.new
    @deadline = nil
    @main = Thread.current
    Thread.new { loop { sleep 0.05; check } }
  end

  def guard
    Thread.handle_interrupt(CaseTimeout => :never) do
      @lock.synchronize { @deadline = now + @seconds }
      begin
        Thread.handle_interrupt(CaseTimeout => :immediate) { yield }
      ensure
        @lock.synchronize { @deadline = nil }
      end
    end
  end

  private

  def now
    Process.clock_gettime(Process::CLOCK_MONOTONIC)
  end

  def check
    @lock.synchronize do
      if @deadline && now > @deadline
        @deadline = nil
        @main.raise(CaseTimeout)
      end
    end
  end
end

# Serves the partials of the current case from memory, for `include` and `render`.
class MemoryFileSystem
  def initialize(partials)
    @partials = partials || {}
  end

  def read_template_file(name)
    source = @partials[name.to_s]
    raise Liquid::FileSystemError, "No such template '#{name}'" unless source.is_a?(String)

    source
  end
end

# Shopify runs Liquid inside Rails, where ActiveSupport defines `blank?` on every object; plain
# Ruby Liquid without it makes every `x == blank` false (Liquid's `blank` literal calls
# `blank?`). These are ActiveSupport's definitions, so `blank` means what it means on Shopify
# (and in the golden-liquid suite). LIQUID_DIFF_PLAIN_RUBY=1 leaves them out.
unless ENV["LIQUID_DIFF_PLAIN_RUBY"]
  class Object
    def blank?
      respond_to?(:empty?) ? !!empty? : !self
    end
  end

  class String
    def blank?
      /\A[[:space:]]*\z/.match?(self)
    end
  end

  class Numeric
    def blank?
      false
    end
  end
end

# The differential test's type probe (a name no generated template uses): the Ruby class of a
# value, so a disagreement's class can say what type the differing filter was given.
module LiquidDiffProbe
  def liquid_diff_type(input)
    return input.class.name unless input.is_a?(Array)

    "Array(#{input.map { |item| item.class.name }.uniq.sort.join(',')})"
  end
end
Liquid::Template.register_filter(LiquidDiffProbe)

# Ruby's `date` reads the clock: "now" and "today" are the current time, and `Time.parse` takes
# whatever a string leaves out of a date (the day of "22:13", the year of "Jan 5" or of "$10",
# read as the 10th) from `Time.now`. Our engine never reads the clock (the same input renders the
# same email on every run), so a case where Ruby's `date` read it is a deliberate difference:
# this notes it (mirroring `Utils.to_date` and `Time.parse`, which fills from the clock exactly
# when the parsed string has no year).
module ClockReads
  def to_date(obj)
    if obj.is_a?(String) && !obj.respond_to?(:strftime) && !obj.empty?
      text = obj.downcase
      if %w[now today].include?(text)
        Thread.current[:liquid_diff_clock] = true
      elsif !text.match?(/\A\d+\z/)
        parts = Date._parse(text)
        Thread.current[:liquid_diff_clock] = true if !parts.empty? && !parts.key?(:year)
      end
    end
    super
  end
end
Liquid::Utils.singleton_class.prepend(ClockReads)

# Current Shopify Liquid (and the golden-liquid suite) makes the last cell of a `tablerow`
# without `cols` the last of its row, `tablerowloop.col_last`; Liquid 5.4 never does. Our
# engine follows current Liquid, so a case whose only difference is this is deliberate: a case
# that reads `col_last` renders again under current Liquid's rule, and a different result is
# reported as `current`.
module CurrentColLast
  def col_last
    return super unless Thread.current[:liquid_diff_current] && @cols == 0

    @col == @length
  end
end
Liquid::TablerowloopDrop.prepend(CurrentColLast)

SECONDS = Float(ENV.fetch("LIQUID_DIFF_TIMEOUT", "2"))
LIMITS = {
  render_length_limit: 4 * 1024 * 1024,
  render_score_limit: 500_000,
  assign_score_limit: 4 * 1024 * 1024,
}.freeze

# JSON needs valid UTF-8; a string filter could in principle cut a character in two.
def utf8(text)
  text.to_s.dup.force_encoding(Encoding::UTF_8).scrub("\uFFFD")
end

def render_case(c)
  Thread.current[:liquid_diff_clock] = false
  result = render_once(c)
  result["clock"] = true if Thread.current[:liquid_diff_clock]
  sources = [c["template"].to_s] + (c["partials"] || {}).values.map(&:to_s)
  if sources.any? { |source| source.include?("col_last") }
    begin
      Thread.current[:liquid_diff_current] = true
      current = render_once(c)
    ensure
      Thread.current[:liquid_diff_current] = false
    end
    result["current"] = current["output"] if current != result.reject { |k, _| k == "clock" }
  end
  result
end

def render_once(c)
  template = begin
    Liquid::Template.parse(c["template"].to_s)
  rescue Exception => e # rubocop:disable Lint/RescueException -- SystemStackError included
    return { "error" => utf8("#{e.class}: #{e.message}") }
  end
  LIMITS.each { |key, value| template.resource_limits.public_send("#{key}=", value) }
  # A copy: `increment` and `decrement` write their counters into the data hash.
  data = c["data"].is_a?(Hash) ? Marshal.load(Marshal.dump(c["data"])) : {}
  registers = { file_system: MemoryFileSystem.new(c["partials"]) }
  output = utf8(template.render(data, registers: registers))
  { "output" => output, "errors" => template.errors.map { |e| utf8(e.message) } }
rescue CaseTimeout
  raise
rescue Exception => e # rubocop:disable Lint/RescueException
  { "error" => utf8("#{e.class}: #{e.message}"), "phase" => "render" }
end

watchdog = Watchdog.new(SECONDS)
$stdin.each_line do |line|
  next if line.strip.empty?

  c = JSON.parse(line)
  result = begin
    watchdog.guard { render_case(c) }
  rescue CaseTimeout
    { "error" => "Timeout: no result within #{SECONDS} s", "phase" => "render" }
  end
  $stdout.puts(JSON.generate({ "id" => c["id"] }.merge(result)))
end
