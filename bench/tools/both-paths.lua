-- wrk -s both-paths.lua URL -- OTHER_PATH: requests alternate between / and OTHER_PATH, so that one wrk warms
-- both of the paths that bench/run measures. Each wrk thread runs its own copy of this script.
local paths
local sent = 0

function init(args)
    paths = { "/", args[1] }
end

function request()
    sent = sent + 1
    return wrk.format(nil, paths[sent % 2 + 1])
end
