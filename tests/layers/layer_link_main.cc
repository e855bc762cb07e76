// The program tests/layers/CMakeLists.txt links from one layer and the layers below it: that
// it links at all is the check.
int main() { return 0; }
