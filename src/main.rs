fn main() { qanun::hello(); }
