// Benchmarks arrive with the benchmark issue; until then say so plainly.
console.log('no benchmarks yet')
