public enum Syndication {}
