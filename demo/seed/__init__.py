"""The FY2565 seed, one module per seed file of fixtures/fy2565/ (and one each for the
generated schools and the year-end quarterly reports), all writing through
`demo.seed.core.Seeder`. demo/loader.py runs them in order."""
